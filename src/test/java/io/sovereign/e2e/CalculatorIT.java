package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.sovereign.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The price calculator answers anyone, without a token, with the figures of 31 CFR 356 Appendix B. */
@ExtendWith(PlatformStack.class)
class CalculatorIT {

    private static String price() {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/calculators/price";
    }

    @Test
    void pricesTheAppendixBRegularExampleWithoutAToken() {
        given().contentType("application/json").body("""
                {"securityType": "NOTE", "issueDate": "1990-05-15", "maturityDate": "2020-05-15",
                 "datedDate": "1990-05-15", "firstInterestPaymentDate": "1990-11-15",
                 "couponRate": "8.750", "yield": "8.840"}""")
                .post(price())
                .then().statusCode(200).contentType("application/json")
                .body("price", equalTo("99.057893"))
                .body("accruedInterest", equalTo("0.000000"))
                .body("investmentRate", nullValue());
    }

    @Test
    void pricesABillFromItsDiscountRate() {
        given().contentType("application/json").body("""
                {"securityType": "BILL", "issueDate": "1989-11-24", "maturityDate": "1990-02-22",
                 "discountRate": "7.610"}""")
                .post(price())
                .then().statusCode(200)
                .body("price", equalTo("98.097500"))
                .body("accruedInterest", equalTo("0.000000"))
                .body("investmentRate", equalTo("7.865"));
    }

    @Test
    void badFieldsAreNamedInAProblem() {
        // a decimal sent as a JSON number
        given().contentType("application/json").body("""
                {"securityType": "NOTE", "issueDate": "1990-05-15", "maturityDate": "2020-05-15",
                 "couponRate": 8.75, "yield": "8.840"}""")
                .post(price())
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("couponRate"));
        // a bill with a coupon and without a discount rate
        given().contentType("application/json").body("""
                {"securityType": "BILL", "issueDate": "2022-08-11", "maturityDate": "2023-08-10",
                 "couponRate": "3.125"}""")
                .post(price())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("couponRate", "discountRate"));
    }
}

package io.sovereign.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The anti-CSRF token of the current request, for the forms: {@code templates/csrf.html} renders
 * {@code <input type="hidden" name="{inject:csrf.parameterName}" value="{inject:csrf.token}">}.
 * Set by {@link CsrfFilter} from the request's {@code csrf-token} cookie (or a new one).
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String NAME = "csrf-token";

    private String token = "";

    public String getParameterName() {
        return NAME;
    }

    public String getToken() {
        return token;
    }

    void setToken(String token) {
        this.token = token;
    }
}

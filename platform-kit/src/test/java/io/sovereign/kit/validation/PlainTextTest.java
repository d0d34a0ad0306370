package io.sovereign.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void namesAndReasonsInAnyScript() {
        List.of("Fuzz Saver", "O'Brien & Sons (Europe) Ltd.", "Müller-Lüdenscheidt", "Société Générale S.A.",
                "Ørsted A/S", "三菱UFJ銀行", "Банк России", "documents verified, ID 42", "Zoë", "e\u0301")
                .forEach(s -> assertThat(PlainText.matches(s)).as(s).isTrue());
    }

    @Test
    void controlFormatMarkupAndStatementCharactersAreRefused() {
        List.of("", " x", "x ", "a  b", "a\u0000b", "\u202Eexe.pdf", "a\u200Bb", "\uFEFFx", "x\uD800", "\uDC00x",
                "a\tb", "a\nb", "<script>alert(1)</script>", "' OR '1'='1", "'; DROP TABLE investor; --",
                "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"", "%' AND 1=1 --", "{{7*7}}", "${jndi:ldap://x/a}",
                "javascript:alert(document.cookie)", "x\u2028y", "💰")
                .forEach(s -> assertThat(PlainText.matches(s)).as(s).isFalse());
    }

    @Test
    void reasonsMayBeSentences() {
        List.of("ID checked: passport; address proof 2025", "Sanctions hit? No. Score 12% (low) #4411",
                "Per \"KYC policy\" 3.2, see compliance@bank", "documents verified, ID 42")
                .forEach(s -> assertThat(PlainText.matchesNarrative(s)).as(s).isTrue());
        List.of("", " x", "a  b", "a\u0000b", "\u202Eexe.pdf", "a\u200Bb", "a\nb", "<script>alert(1)</script>",
                "' OR '1'='1", "{{7*7}}", "${jndi:ldap://x/a}", "=HYPERLINK(\"x\")", "a*b", "a\\b", "`id`", "💰")
                .forEach(s -> assertThat(PlainText.matchesNarrative(s)).as(s).isFalse());
    }
}

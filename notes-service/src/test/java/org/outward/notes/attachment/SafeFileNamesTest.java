package org.outward.notes.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFileNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "minutes.pdf|minutes.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\dana\\Desktop\\notes.docx|notes.docx",
            "..|attachment",
            "'   '|attachment",
            ".hidden.txt|hidden.txt",
            "report.pdf...  |report.pdf",
            "a<b>c:d\"e?g*h.txt|a_b_c_d_e_g_h.txt",
            "Gespr\u00e4ch \u00fcber Busse.odt|Gespr\u00e4ch \u00fcber Busse.odt"})
    void namesAreReducedToASafeLabel(String original, String expected) {
        assertThat(SafeFileNames.sanitize(original)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void controlAndFormatCharactersAreDropped() {
        assertThat(SafeFileNames.sanitize("line\nbreak.txt")).isEqualTo("linebreak.txt");
        assertThat(SafeFileNames.sanitize("bell\u0007.txt")).isEqualTo("bell.txt");
        assertThat(SafeFileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(SafeFileNames.sanitize("zero\u200Bwidth.md")).isEqualTo("zerowidth.md");
        assertThat(SafeFileNames.sanitize("tab\tname.txt")).isEqualTo("tabname.txt");
    }

    @org.junit.jupiter.api.Test
    void longNamesKeepTheirExtension() {
        String name = SafeFileNames.sanitize("x".repeat(500) + ".pdf");
        assertThat(name).hasSize(SafeFileNames.MAX_LENGTH).endsWith("x.pdf");
    }

    @org.junit.jupiter.api.Test
    void nullIsTheFallback() {
        assertThat(SafeFileNames.sanitize(null)).isEqualTo("attachment");
    }
}

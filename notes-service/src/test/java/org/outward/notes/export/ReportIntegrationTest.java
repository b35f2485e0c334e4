package org.outward.notes.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.outward.notes.theme.PublicKnowledgeTestSupport;

class ReportIntegrationTest extends PublicKnowledgeTestSupport {

    @Test
    void aLibrarysReportAsMarkdownAndAsCsv() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        String a = storeNote(library, cohort, "private", "Tenants at Maple Court",
                "Concerns:\nThere is no affordable housing near work.", LocalDate.parse("2025-04-01"));
        storeNote(library, cohort, "cohort", "Teachers", "Teachers cannot find affordable housing near the school.",
                LocalDate.parse("2025-05-01"));
        HttpResponse<String> calibrated = send("POST", "/api/notes/calibrations", member(library, cohort),
                JSON.writeValueAsString(Map.of("stage", "impasse", "reasons", "=HYPERLINK(\"x\"), stuck | blocked",
                        "supportingNoteIds", List.of(a))), null);
        assertThat(calibrated.statusCode()).as(calibrated.body()).isEqualTo(201);

        HttpResponse<String> markdown = send("GET", "/api/notes/reports/" + library, member(library, cohort), null,
                "text/markdown");
        assertThat(markdown.statusCode()).as(markdown.body()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("public-knowledge-" + library + ".md"));
        JsonNode theme = json(get("/api/notes/themes?libraryId=" + library, staffToken())).get("themes").get(0);
        String key = theme.get("key").asString();
        String label = theme.get("label").asString();
        assertThat(label).contains("affordable housing");
        assertThat(markdown.body())
                .startsWith("# Public knowledge: " + library)
                .contains("### 1. " + label)
                .contains("> There is no affordable housing near work.")
                .contains("Tenants at Maple Court, 2025-04-01 (concerns)")
                .contains("Current stage: **Impasse**")
                .contains("stuck \\| blocked");

        HttpResponse<String> csv = send("GET", "/api/notes/reports/" + library, staffToken(), null,
                "text/markdown;q=0.5, text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ReportRenderer.CSV_COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("theme," + key + "," + label + ",1.000,2,1,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("evidence," + key + "," + label + ",,,,,")
                .contains(a + ",Tenants at Maple Court,2025-04-01,concerns,There is no affordable housing near work."));
        // A formula is defused and a comma or quote quoted.
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("calibration,,,,,,,,,,,\"'=HYPERLINK(\"\"x\"\"), stuck | blocked\",impasse,,")
                .endsWith("," + a));

        // Any type: Markdown. A type it cannot make: 406.
        HttpResponse<String> any = send("GET", "/api/notes/reports/" + library, staffToken(), null, "*/*");
        assertThat(any.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        HttpResponse<String> json = send("GET", "/api/notes/reports/" + library, staffToken(), null,
                "application/json");
        assertThat(json.statusCode()).isEqualTo(406);
    }

    @Test
    void aLibraryWithoutNotesOrCalibrationsHasAnEmptyReport() throws Exception {
        String library = newLibraryId();
        HttpResponse<String> markdown = send("GET", "/api/notes/reports/" + library, staffToken(), null, null);
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).contains("No theme yet").contains("Not calibrated yet.");
        HttpResponse<String> csv = send("GET", "/api/notes/reports/" + library, staffToken(), null, "text/csv");
        assertThat(csv.body().lines().toList()).hasSize(1);
    }
}

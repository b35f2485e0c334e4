package org.outward.notes.attachment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An attachment whose detected type is not accepted: 415 problem naming the part. */
public class UnsupportedAttachmentException extends ErrorResponseException {

    public UnsupportedAttachmentException(String field, String detectedType) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem(field, detectedType), null);
    }

    private static ProblemDetail problem(String field, String detectedType) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The content of " + field + " is " + detectedType + "; accepted: text, Markdown, PDF, DOCX, ODT, "
                        + "PNG, JPEG, GIF and WebP images. The type is judged from the content, not the file name.");
        problem.setTitle("Unsupported attachment type");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", "type " + detectedType + " is not accepted")));
        return problem;
    }
}

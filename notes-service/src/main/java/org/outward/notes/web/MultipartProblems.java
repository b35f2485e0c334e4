package org.outward.notes.web;

import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart failures as problem+json: over a size limit is 413 naming both limits; a body that
 * cannot be parsed (truncated, wrong boundary) is 400. Ahead of the shared handler, which would
 * report an unparseable multipart body as a 500. Nothing was stored: parts are parsed (to
 * temporary files, removed by the container) before any handler runs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    private static final Logger log = LoggerFactory.getLogger(MultipartProblems.class);

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    MultipartProblems(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        log.info("refused multipart upload over the limits: {}", e.getMessage());
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "Each file may have at most "
                + maxFileSize.toBytes() + " bytes and the whole request at most " + maxRequestSize.toBytes()
                + " bytes.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        log.info("refused unreadable multipart body: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Malformed multipart body",
                "The multipart/form-data body could not be read completely (truncated or malformed).");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.outward.platform.errors;

import java.util.List;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every error a service returns is RFC 9457 {@code application/problem+json}: the framework's own
 * (404 route, 405, 413, 415 ...) via the base class, and ours below. Each problem carries the
 * request id; bad input names each field and why. Stack traces stay in the log.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), errors, request);
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> stale(PreconditionFailedException e, WebRequest request) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooMany(TooManyRequestsException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return createResponseEntity(problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // the framework's own exceptions are rendered by the base class
        }
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. Quote the request id when reporting this.", List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "One or more fields are invalid.",
                fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Only a binding error (valid JSON, wrong value) names a field; a parse error means the body is not JSON.
        DatabindException cause = findCause(ex, DatabindException.class);
        if (cause != null && !cause.getPath().isEmpty()) {
            String field = cause.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Field '" + field + "' has a value of the wrong type or an unknown value.",
                    List.of(new FieldError(field, "wrong type or unknown value")), request);
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not valid JSON.", List.of(), request);
    }

    /** Adds the request id to every problem the base class builds. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty("requestId", RequestIds.current());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return createResponseEntity(problem, new HttpHeaders(), status, request);
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

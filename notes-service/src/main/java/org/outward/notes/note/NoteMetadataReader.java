package org.outward.notes.note;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import org.outward.platform.errors.BadRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code note} part of a multipart upload whatever its declared Content-Type: browsers'
 * {@code FormData.append("note", JSON.stringify(...))} sends it without one, which Spring's
 * {@code @RequestPart} would refuse with 415. Validation is the same as for JSON bodies and reports
 * every bad field in one 400, through the shared problem handler.
 */
@Component
class NoteMetadataReader {

    private static final MethodParameter PARAMETER = parameter();

    private final JsonMapper json;
    private final SpringValidatorAdapter validator;

    NoteMetadataReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = new SpringValidatorAdapter(validator);
    }

    UploadNoteRequest read(String note) throws MethodArgumentNotValidException {
        UploadNoteRequest request;
        try {
            request = json.readValue(note, UploadNoteRequest.class);
        } catch (DatabindException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("note");
            throw new BadRequestException(field, "wrong type or unknown value");
        } catch (JacksonException e) {
            throw new BadRequestException("note", "is not valid JSON");
        }
        if (request == null) {
            throw new BadRequestException("note", "must be a JSON object");
        }
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(request, "note");
        validator.validate(request, result);
        if (result.hasErrors()) {
            throw new MethodArgumentNotValidException(PARAMETER, result);
        }
        return request;
    }

    /** The parameter the problem handler is told about (it reports the binding result only). */
    @SuppressWarnings("unused")
    private static void note(UploadNoteRequest note) {
    }

    private static MethodParameter parameter() {
        try {
            Method method = NoteMetadataReader.class.getDeclaredMethod("note", UploadNoteRequest.class);
            return new MethodParameter(method, 0);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}

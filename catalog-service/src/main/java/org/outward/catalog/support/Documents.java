package org.outward.catalog.support;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Small conversions between stored documents and views. */
public final class Documents {

    private Documents() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** Numbers may come back as int32 or int64 depending on how they were last written. */
    public static long longValue(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    public static int intValue(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.intValue() : 0;
    }
}

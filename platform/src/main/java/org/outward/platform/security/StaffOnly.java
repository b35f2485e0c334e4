package org.outward.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller's {@link Caller} parameter: the operation is for program staff only. The check runs when the
 * caller is resolved, so put the parameter first: a member then gets 403 before the body is even read or
 * validated, and learns nothing from validation errors.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaffOnly {
}

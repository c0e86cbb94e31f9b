package io.murmur.user.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A handle: 3 to 30 of {@code A-Z a-z 0-9 _}, required. ASCII on purpose: letters that
 * look alike across scripts (a Cyrillic {@code а} for a Latin {@code a}, fullwidth
 * letters) would let one account pose as another. Uniqueness, ignoring case, is the
 * database's to decide.
 */
@Documented
@NotNull
@Pattern(regexp = "[A-Za-z0-9_]{3,30}", message = "must be 3 to 30 characters of A-Z, a-z, 0-9 and _")
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Handle {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

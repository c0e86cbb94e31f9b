package io.murmur.user.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The password of a registration follows the {@link PasswordPolicy}, which also looks at
 * the handle and email; a refusal is reported on the {@code password} field.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptablePassword {

	String message() default "is not acceptable";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Validates {@link AcceptablePassword}.
	 */
	class Validator implements ConstraintValidator<AcceptablePassword, RegisterRequest> {

		@Override
		public boolean isValid(RegisterRequest request, ConstraintValidatorContext context) {
			if (request == null || request.password() == null
					|| !PasswordPolicy.hasAcceptableLength(request.password())) {
				return true;
			}
			Optional<String> problem = PasswordPolicy.check(request.password(), request.handle(), request.email());
			if (problem.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.get())
				.addPropertyNode("password")
				.addConstraintViolation();
			return false;
		}

	}

}

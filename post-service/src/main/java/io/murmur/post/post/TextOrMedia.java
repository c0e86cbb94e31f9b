package io.murmur.post.post;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A new post says something: its text is not blank, or it has media. Reported on the
 * {@code text} field, where a client shows it.
 */
@Documented
@Constraint(validatedBy = TextOrMedia.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface TextOrMedia {

	String message() default "must not be empty unless the post has media";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link TextOrMedia}.
	 */
	class Validator implements ConstraintValidator<TextOrMedia, CreatePostRequest> {

		@Override
		public boolean isValid(CreatePostRequest request, ConstraintValidatorContext context) {
			boolean hasText = request.text() != null && !request.text().isBlank();
			boolean hasMedia = request.mediaIds() != null && !request.mediaIds().isEmpty();
			if (hasText || hasMedia) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("text")
				.addConstraintViolation();
			return false;
		}

	}

}

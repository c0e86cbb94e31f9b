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
import org.jspecify.annotations.Nullable;

/**
 * The annotated text, when present, is at most {@link TextFeatures#MAX_LENGTH} characters
 * as users count them: code points after NFC normalisation ({@link TextFeatures#length}).
 */
@Documented
@Constraint(validatedBy = PostText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PostText {

	/**
	 * The most characters, as {@link TextFeatures#length} counts them; the document
	 * states it as the text's {@code maxLength}.
	 * @return the maximum length
	 */
	int max() default TextFeatures.MAX_LENGTH;

	String message() default "must be at most " + TextFeatures.MAX_LENGTH + " characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link PostText}.
	 */
	class Validator implements ConstraintValidator<PostText, String> {

		@Override
		public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
			return text == null || TextFeatures.length(TextFeatures.normalize(text)) <= TextFeatures.MAX_LENGTH;
		}

	}

}

package io.murmur.user.account;

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
 * Profile text: at most {@link #max()} characters, counted as Unicode code points (what
 * people see as characters, an emoji being one, not Java's UTF-16 units), and no control
 * characters except, where {@link #multiline()} allows, line breaks. {@code null} is
 * valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/**
	 * The most code points allowed.
	 * @return the maximum length
	 */
	int max();

	/**
	 * Whether line breaks are allowed.
	 * @return {@code true} to allow {@code \n}
	 */
	boolean multiline() default false;

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Validates {@link PlainText}.
	 */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		private int max;

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.max = annotation.max();
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String text = value.toString();
			String problem = null;
			if (text.codePointCount(0, text.length()) > this.max) {
				problem = "must be at most " + this.max + " characters long";
			}
			else if (text.codePoints().anyMatch((c) -> Character.isISOControl(c) && !(this.multiline && c == '\n'))) {
				problem = "must not contain control characters";
			}
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}

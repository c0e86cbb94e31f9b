package io.murmur.support.openapi;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.Length;

import org.springframework.core.annotation.AnnotationUtils;

/**
 * Turns Bean Validation constraints into the JSON Schema keywords that say the same, so
 * that a document states exactly the rules the server checks. Constraints composed into a
 * constraint of the service's own (a {@code @Handle} made of {@code @NotNull} and
 * {@code @Pattern}) count as well.
 * <p>
 * Bean Validation's {@code @Pattern} matches the whole value while a JSON Schema
 * {@code pattern} matches anywhere in it, so patterns are anchored. {@code @Size} on text
 * counts UTF-16 units while {@code minLength} and {@code maxLength} count characters
 * (code points): text that people write is better checked with Hibernate Validator's
 * {@code @CodePointLength}, which counts the same way as the document.
 */
final class SchemaConstraints {

	private static final Set<Class<? extends Annotation>> NOT_NULL = Set.of(NotNull.class, NotBlank.class,
			NotEmpty.class);

	private SchemaConstraints() {
	}

	/**
	 * A constraint with its attributes, overridden ones resolved.
	 *
	 * @param type the annotation type
	 * @param attributes its attributes
	 */
	record Found(Class<? extends Annotation> type, Map<String, Object> attributes) {

	}

	/**
	 * The constraints among some annotations, with those they are composed of.
	 * @param annotations the annotations of a method parameter
	 * @return every constraint
	 */
	static List<Found> of(Annotation[] annotations) {
		List<Found> found = new ArrayList<>();
		Set<Class<? extends Annotation>> seen = new HashSet<>();
		Deque<Annotation> pending = new ArrayDeque<>(List.of(annotations));
		while (!pending.isEmpty()) {
			Annotation annotation = pending.pop();
			Class<? extends Annotation> type = annotation.annotationType();
			if (!type.isAnnotationPresent(Constraint.class) || !seen.add(type)) {
				continue;
			}
			found.add(new Found(type, AnnotationUtils.getAnnotationAttributes(annotation)));
			for (Annotation meta : type.getAnnotations()) {
				pending.add(meta);
			}
		}
		return found;
	}

	/**
	 * Whether the constraints refuse {@code null}: a request field that is
	 * {@code @Nullable} only so that a missing value reaches validation is still
	 * required.
	 * @param constraints the constraints
	 * @return whether a value is required
	 */
	static boolean requireValue(List<Found> constraints) {
		return constraints.stream().anyMatch((constraint) -> NOT_NULL.contains(constraint.type()));
	}

	/**
	 * Writes the constraints into a schema of a value.
	 * @param schema the schema, of a string, number or array
	 * @param constraints the constraints
	 */
	static void apply(Schema<?> schema, List<Found> constraints) {
		for (Found constraint : constraints) {
			apply(schema, constraint.type(), constraint.attributes());
		}
	}

	private static void apply(Schema<?> schema, Class<? extends Annotation> type, Map<String, Object> attributes) {
		boolean array = "array".equals(schema.getType());
		boolean text = "string".equals(schema.getType());
		if (type == Size.class) {
			int min = (Integer) attributes.get("min");
			int max = (Integer) attributes.get("max");
			if (array) {
				schema.setMinItems((min > 0) ? min : null);
				schema.setMaxItems((max < Integer.MAX_VALUE) ? max : null);
			}
			else if (text) {
				length(schema, min, max);
			}
		}
		else if ((type == CodePointLength.class || type == Length.class) && text) {
			length(schema, (Integer) attributes.get("min"), (Integer) attributes.get("max"));
		}
		else if ((type == NotBlank.class || type == NotEmpty.class) && text) {
			if (schema.getMinLength() == null || schema.getMinLength() < 1) {
				schema.setMinLength(1);
			}
		}
		else if (type == NotEmpty.class && array) {
			if (schema.getMinItems() == null || schema.getMinItems() < 1) {
				schema.setMinItems(1);
			}
		}
		else if (text && isOwnLength(type, attributes)) {
			length(schema, (attributes.get("min") instanceof Integer min) ? min : 0, (Integer) attributes.get("max"));
		}
		else if (type == Pattern.class && text) {
			schema.setPattern(anchored((String) attributes.get("regexp")));
		}
		else if (type == Email.class && text) {
			schema.setFormat("email");
		}
		else if (type == Min.class) {
			schema.setMinimum(BigDecimal.valueOf((Long) attributes.get("value")));
		}
		else if (type == Max.class) {
			schema.setMaximum(BigDecimal.valueOf((Long) attributes.get("value")));
		}
		else if (type == DecimalMin.class) {
			schema.setMinimum(new BigDecimal((String) attributes.get("value")));
			schema.setExclusiveMinimum(Boolean.FALSE.equals(attributes.get("inclusive")) ? true : null);
		}
		else if (type == DecimalMax.class) {
			schema.setMaximum(new BigDecimal((String) attributes.get("value")));
			schema.setExclusiveMaximum(Boolean.FALSE.equals(attributes.get("inclusive")) ? true : null);
		}
	}

	/**
	 * Whether a constraint is a service's own one on text with a {@code max} (and maybe a
	 * {@code min}) attribute, which by convention counts characters the way
	 * {@code @CodePointLength} does, such as {@code @PlainText(max = 50)}.
	 */
	private static boolean isOwnLength(Class<? extends Annotation> type, Map<String, Object> attributes) {
		return !type.getPackageName().startsWith("jakarta.") && !type.getPackageName().startsWith("org.hibernate.")
				&& attributes.get("max") instanceof Integer;
	}

	private static void length(Schema<?> schema, int min, int max) {
		if (min > 0) {
			schema.setMinLength(min);
		}
		if (max < Integer.MAX_VALUE) {
			schema.setMaxLength(max);
		}
	}

	/**
	 * A Java regular expression as a JSON Schema pattern that matches what it matches in
	 * Bean Validation: the whole value.
	 * @param regexp the expression
	 * @return the anchored pattern
	 */
	static String anchored(String regexp) {
		if (regexp.startsWith("^") && regexp.endsWith("$") && !regexp.endsWith("\\$")) {
			return regexp;
		}
		return "^(?:" + regexp + ")$";
	}

}

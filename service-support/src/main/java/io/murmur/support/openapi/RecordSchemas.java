package io.murmur.support.openapi;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.RefUtils;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code required} and nullability of record schemas from the records: every
 * component is required unless it is {@link Nullable @Nullable}, and then it is nullable
 * as well, since the server writes it as {@code null} rather than leaving it out. A
 * request component that is {@code @Nullable} only so that a missing value reaches
 * validation ({@code @NotNull @Nullable String password}) stays required. The component's
 * Bean Validation constraints are written the way the server checks them
 * ({@link SchemaConstraints}). The document so says what the code does and cannot drift
 * from it.
 */
final class RecordSchemas implements ModelConverter {

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> resolved = chain.next().resolve(type, context, chain);
		if (resolved == null || type.getType() == null) {
			return resolved;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (!raw.isRecord()) {
			return resolved;
		}
		Schema<?> model = resolved;
		if (resolved.get$ref() != null) {
			model = context.getDefinedModels().get(RefUtils.extractSimpleName(resolved.get$ref()).getKey());
		}
		if (model != null && model.getProperties() != null) {
			describe(raw, model);
		}
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void describe(Class<?> record, Schema<?> model) {
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : record.getRecordComponents()) {
			String name = component.getName();
			Schema property = properties.get(name);
			if (property == null) {
				continue;
			}
			List<SchemaConstraints.Found> constraints = SchemaConstraints.of(declared(record, name).getAnnotations());
			SchemaConstraints.apply(property, constraints);
			if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					&& !SchemaConstraints.requireValue(constraints)) {
				properties.put(name, nullable(property));
			}
			else if (model.getRequired() == null || !model.getRequired().contains(name)) {
				model.addRequiredItem(name);
			}
		}
	}

	/**
	 * A nullable form of a property. {@code nullable} beside a {@code $ref} has no effect
	 * in OpenAPI 3.0, so a reference is wrapped in an {@code allOf}.
	 */
	@SuppressWarnings("rawtypes")
	private static Schema nullable(Schema property) {
		if (property.get$ref() == null) {
			return property.nullable(true);
		}
		return new ComposedSchema().addAllOfItem(new Schema<>().$ref(property.get$ref()))
			.nullable(true)
			.description(property.getDescription());
	}

	private static Field declared(Class<?> record, String name) {
		try {
			return record.getDeclaredField(name);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("A record without the field of its component " + name, ex);
		}
	}

}

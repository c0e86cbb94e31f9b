package io.murmur.notification.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.murmur.notification.inbox.NotificationType;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * Notification types as a request names them: ids such as {@code like}, in a list or
 * comma-separated, any case. An unknown one is a {@code validation-failed} problem that
 * names it, never silently ignored.
 */
public final class TypeNames {

	private TypeNames() {
	}

	/**
	 * Parses type ids.
	 * @param field the parameter or field they came in, named in the problem
	 * @param values the ids; each may hold several, comma-separated
	 * @param allowed the types the field may name
	 * @return the types named
	 * @throws ProblemException if one is unknown or not allowed
	 */
	public static Set<NotificationType> parse(String field, Collection<String> values,
			Collection<NotificationType> allowed) {
		Set<NotificationType> types = EnumSet.noneOf(NotificationType.class);
		List<InvalidField> errors = new ArrayList<>();
		List<String> ids = values.stream().flatMap((value) -> List.of(value.split(",", -1)).stream()).toList();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i).strip();
			if (id.isEmpty() && ids.size() == 1) {
				continue;
			}
			NotificationType type = NotificationType.forId(id).filter(allowed::contains).orElse(null);
			if (type == null) {
				errors.add(new InvalidField(field + "[" + i + "]",
						"must be one of " + String.join(", ", allowed.stream().map(NotificationType::id).toList())));
			}
			else {
				types.add(type);
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalidFields(errors);
		}
		return types;
	}

	/**
	 * The ids of types, in declaration order.
	 * @param types the types
	 * @return their ids
	 */
	public static List<String> ids(Collection<NotificationType> types) {
		return EnumSet.copyOf(types).stream().map(NotificationType::id).toList();
	}

}

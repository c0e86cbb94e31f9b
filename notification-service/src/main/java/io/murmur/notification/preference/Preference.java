package io.murmur.notification.preference;

import java.util.EnumSet;
import java.util.Set;

import io.murmur.notification.inbox.NotificationType;

/**
 * What a user wants to be notified of.
 *
 * @param types the types they receive; the service's own notices always arrive
 * @param fromNotFollowed whether they receive notifications caused by people they do not
 * follow
 */
public record Preference(Set<NotificationType> types, boolean fromNotFollowed) {

	/** What a user who never set preferences receives: everything, from everyone. */
	public static final Preference DEFAULT = new Preference(EnumSet.copyOf(NotificationType.causedByPeople()), true);

	public Preference {
		types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
	}

	/**
	 * Whether the user receives a type at all.
	 * @param type the type
	 * @return whether they do
	 */
	public boolean receives(NotificationType type) {
		return !type.isCausedByPeople() || this.types.contains(type);
	}

}

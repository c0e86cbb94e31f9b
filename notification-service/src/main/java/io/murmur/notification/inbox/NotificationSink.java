package io.murmur.notification.inbox;

/**
 * Something that must change with every stored notification, in the same transaction: the
 * webhook delivery queue. A bean of this type is called by {@link InboxWriter}.
 */
public interface NotificationSink {

	/**
	 * Called inside the transaction that stores a notification, after it is stored.
	 * @param notification the notification, with its id and its group's id
	 */
	void stored(StoredNotification notification);

	/**
	 * A notification as stored.
	 *
	 * @param id its id
	 * @param groupId the id of its group
	 * @param notification what was stored
	 */
	record StoredNotification(long id, long groupId, NewNotification notification) {

	}

}

package io.murmur.notification.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's open stream: the emitter it reads, the id of the last notification sent to
 * it, and the unread count it was last told. Only one thread writes to it at a time.
 */
final class Stream {

	private final long userId;

	private final SseEmitter emitter;

	private final Instant openedAt;

	private final ReentrantLock writing = new ReentrantLock();

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private long lastSentId;

	private long lastUnread = -1;

	Stream(long userId, SseEmitter emitter, long lastSentId, Instant openedAt) {
		this.userId = userId;
		this.emitter = emitter;
		this.lastSentId = lastSentId;
		this.openedAt = openedAt;
	}

	long userId() {
		return this.userId;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	Instant openedAt() {
		return this.openedAt;
	}

	/**
	 * Marks the stream as having something to send.
	 * @return {@code true} if it was not marked yet, so the caller schedules a flush
	 */
	boolean markPending() {
		return !this.closed.get() && this.pending.compareAndSet(false, true);
	}

	void clearPending() {
		this.pending.set(false);
	}

	long lastSentId() {
		return this.lastSentId;
	}

	void sent(long id) {
		this.lastSentId = id;
	}

	/**
	 * Whether the unread count changed since the client was last told.
	 * @param unread the count now
	 * @return whether to send it
	 */
	boolean unreadChanged(long unread) {
		if (unread == this.lastUnread) {
			return false;
		}
		this.lastUnread = unread;
		return true;
	}

	boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Runs a write while no other thread writes to this stream.
	 * @param write the write
	 * @throws IOException if the client is gone
	 */
	void write(Write write) throws IOException {
		this.writing.lock();
		try {
			if (!this.closed.get()) {
				write.run();
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	/**
	 * Ends the stream, once: cleanly, or because writing to it failed.
	 * @return whether this call closed it
	 */
	boolean close() {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		try {
			this.emitter.complete();
		}
		catch (RuntimeException ex) {
			// the client is gone already
		}
		return true;
	}

	@FunctionalInterface
	interface Write {

		void run() throws IOException;

	}

}

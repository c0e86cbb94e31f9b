package io.murmur.feed.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;

/**
 * Runs the store's Lua scripts, one call at a time or many in a pipeline. Each call is an
 * {@code EVALSHA}; a script Redis does not have (it restarted, failed over, or its script
 * cache was flushed) is sent whole with {@code EVAL}, which caches it again.
 * <p>
 * A missing script is recognised by the type of the error, Lettuce's
 * {@link RedisNoScriptException} (which Spring Data Redis wraps in a
 * {@link RedisSystemException} for a single call), never by its message. Pipelines are
 * therefore written on Lettuce's own connection, inside a Spring Data Redis pipeline that
 * lends it: Spring Data Redis reports each failed command of a pipeline as an exception
 * carrying only Redis's message, whereas Lettuce's futures keep the type. A pipeline is
 * written to the socket every {@code murmur.feed.fan-out.pipeline-flush-every} commands
 * and at its end; the commands that failed for want of their script are sent again with
 * {@code EVAL} once the others are done. Every command a pipeline sends is idempotent, so
 * nothing is applied twice that matters.
 */
@Component
class RedisScripts {

	private static final LettuceExceptionConverter LETTUCE_ERRORS = new LettuceExceptionConverter();

	private final StringRedisTemplate redis;

	private final int flushEvery;

	private final Duration timeout;

	RedisScripts(StringRedisTemplate redis, FeedProperties properties) {
		this.redis = redis;
		this.flushEvery = properties.fanOut().pipelineFlushEvery();
		this.timeout = (redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce)
				? lettuce.getClientConfiguration().getCommandTimeout() : Duration.ofSeconds(60);
	}

	/**
	 * Runs a script whose reply is an integer.
	 * @param script the script
	 * @param keys its keys
	 * @param arguments its arguments
	 * @return the reply
	 */
	long runForLong(Script script, List<String> keys, List<String> arguments) {
		Object reply = run(script, ReturnType.INTEGER, keys, arguments);
		return (reply instanceof Long value) ? value : 0;
	}

	/**
	 * Runs a script whose reply is a list of strings.
	 * @param script the script
	 * @param keys its keys
	 * @param arguments its arguments
	 * @return the reply, empty when there is none
	 */
	List<String> runForList(Script script, List<String> keys, List<String> arguments) {
		Object reply = run(script, ReturnType.MULTI, keys, arguments);
		if (!(reply instanceof List<?> items)) {
			return List.of();
		}
		List<String> strings = new ArrayList<>(items.size());
		for (Object item : items) {
			strings.add((item instanceof byte[] raw) ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(item));
		}
		return strings;
	}

	private @Nullable Object run(Script script, ReturnType type, List<String> keys, List<String> arguments) {
		byte[][] keysAndArguments = new byte[keys.size() + arguments.size()][];
		int i = 0;
		for (String key : keys) {
			keysAndArguments[i++] = bytes(key);
		}
		for (String argument : arguments) {
			keysAndArguments[i++] = bytes(argument);
		}
		return this.redis.execute((RedisCallback<Object>) (connection) -> {
			try {
				return connection.scriptingCommands().evalSha(script.sha1(), type, keys.size(), keysAndArguments);
			}
			catch (DataAccessException ex) {
				if (!isMissingScript(ex)) {
					throw ex;
				}
				return connection.scriptingCommands().eval(script.text(), type, keys.size(), keysAndArguments);
			}
		});
	}

	/**
	 * Sends commands for many items in one pipeline on one connection.
	 * @param <T> the items' type
	 * @param items the items
	 * @param commands what to send for one item
	 * @return the replies of all commands, in the order they were sent
	 */
	<T> List<@Nullable Object> pipeline(Collection<T> items, PerItem<T> commands) {
		if (items.isEmpty()) {
			return List.of();
		}
		return this.redis.execute((RedisCallback<List<@Nullable Object>>) (connection) -> {
			connection.openPipeline();
			try {
				@SuppressWarnings("unchecked")
				Pipeline pipeline = new Pipeline(
						(RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection());
				try {
					for (T item : items) {
						commands.send(pipeline, item);
					}
					return pipeline.replies();
				}
				finally {
					pipeline.close();
				}
			}
			finally {
				connection.closePipeline();
			}
		});
	}

	/**
	 * Whether an error says that Redis does not have the script it was asked to run.
	 * @param error the error
	 * @return {@code true} for a missing script
	 */
	static boolean isMissingScript(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisNoScriptException) {
				return true;
			}
		}
		return false;
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A Lua script of the store, read once from {@code scripts/} on the class path: a
	 * script made from a resource would check the resource for changes on every call.
	 *
	 * @param name the file name
	 * @param text the script
	 * @param sha1 its SHA-1 in hex, as {@code EVALSHA} names it
	 */
	record Script(String name, byte[] text, byte[] sha1) {

		static Script load(String name) {
			try {
				String text = new ClassPathResource("scripts/" + name).getContentAsString(StandardCharsets.UTF_8);
				return new Script(name, bytes(text), bytes(DigestUtils.sha1DigestAsHex(text)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Redis script " + name, ex);
			}
		}

	}

	/**
	 * What a pipeline sends for one item.
	 *
	 * @param <T> the item's type
	 */
	@FunctionalInterface
	interface PerItem<T> {

		void send(Pipeline pipeline, T item);

	}

	/**
	 * The commands of one pipeline, written to Redis in batches.
	 */
	final class Pipeline {

		private final RedisClusterAsyncCommands<byte[], byte[]> commands;

		private final StatefulConnection<byte[], byte[]> connection;

		private final List<Sent> sent = new ArrayList<>();

		private Pipeline(RedisClusterAsyncCommands<byte[], byte[]> commands) {
			this.commands = commands;
			this.connection = switch (commands) {
				case RedisAsyncCommands<byte[], byte[]> standalone -> standalone.getStatefulConnection();
				case RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster -> cluster.getStatefulConnection();
				default -> throw new IllegalStateException("Not a Lettuce connection: " + commands.getClass());
			};
			this.connection.setAutoFlushCommands(false);
		}

		/**
		 * Runs a script whose reply is an integer.
		 * @param script the script
		 * @param keys its keys
		 * @param arguments its arguments
		 */
		void run(Script script, byte[][] keys, byte[][] arguments) {
			send(this.commands.evalsha(new String(script.sha1(), StandardCharsets.US_ASCII), ScriptOutputType.INTEGER,
					keys, arguments), (again) -> again.eval(script.text(), ScriptOutputType.INTEGER, keys, arguments));
		}

		void zrem(byte[] key, byte[] member) {
			send(this.commands.zrem(key, member), null);
		}

		void hdel(byte[] key, byte[] field) {
			send(this.commands.hdel(key, field), null);
		}

		/**
		 * Writes whatever is still buffered, so that nothing of a pipeline that failed
		 * half-way is left for the next user of the pooled connection to send, and gives
		 * the connection back its automatic writes.
		 */
		private void close() {
			this.connection.flushCommands();
			this.connection.setAutoFlushCommands(true);
		}

		private void send(RedisFuture<?> future,
				@Nullable Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<?>> withScript) {
			this.sent.add(new Sent(future, withScript));
			if (this.sent.size() % RedisScripts.this.flushEvery == 0) {
				this.connection.flushCommands();
			}
		}

		/**
		 * The replies of every command sent, in order, once the commands that found no
		 * script have been sent again with theirs.
		 */
		private List<@Nullable Object> replies() {
			List<@Nullable Object> replies = await(this.sent);
			List<Integer> missing = new ArrayList<>();
			List<Sent> again = new ArrayList<>();
			for (int i = 0; i < replies.size(); i++) {
				if (replies.get(i) instanceof MissingScript) {
					missing.add(i);
					again.add(this.sent.get(i).withScript(this.commands));
				}
			}
			if (missing.isEmpty()) {
				return replies;
			}
			List<@Nullable Object> retried = await(again);
			for (int i = 0; i < missing.size(); i++) {
				if (retried.get(i) instanceof MissingScript) {
					throw new RedisSystemException("Redis has no script it was just sent", null);
				}
				replies.set(missing.get(i), retried.get(i));
			}
			return replies;
		}

		/**
		 * Writes what is buffered and waits for the replies: a command that failed for
		 * want of its script gives {@link MissingScript}, any other failure is thrown.
		 */
		private List<@Nullable Object> await(List<Sent> commands) {
			this.connection.flushCommands();
			long deadline = System.nanoTime() + RedisScripts.this.timeout.toNanos();
			List<@Nullable Object> replies = new ArrayList<>(commands.size());
			for (Sent command : commands) {
				try {
					replies.add(command.future().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
				}
				catch (ExecutionException ex) {
					Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
					if (!isMissingScript(cause)) {
						throw translate(cause);
					}
					replies.add(MissingScript.INSTANCE);
				}
				catch (TimeoutException ex) {
					throw new QueryTimeoutException(
							"Redis did not answer a pipeline within " + RedisScripts.this.timeout);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new RedisSystemException("Interrupted while waiting for Redis", ex);
				}
			}
			return replies;
		}

		private static RuntimeException translate(Throwable error) {
			if (error instanceof Exception exception) {
				DataAccessException translated = LETTUCE_ERRORS.convert(exception);
				if (translated != null) {
					return translated;
				}
			}
			return new RedisSystemException("Redis failed a pipelined command", error);
		}

	}

	private record Sent(RedisFuture<?> future,
			@Nullable Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<?>> withScript) {

		Sent withScript(RedisClusterAsyncCommands<byte[], byte[]> commands) {
			if (this.withScript == null) {
				throw new IllegalStateException("Only a script can be missing");
			}
			return new Sent(this.withScript.apply(commands), null);
		}

	}

	private enum MissingScript {

		INSTANCE

	}

}

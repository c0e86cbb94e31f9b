package io.murmur.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.StoreStartException;

/**
 * Launches store processes so that none outlives its owner.
 * <p>
 * The mechanism: before the first store starts, the owner starts a small watchdog JVM
 * ({@link Watchdog}) whose standard input is a pipe from the owner. The owner writes the
 * pid of every store process into that pipe. When the owner exits for any reason, SIGKILL
 * included, the kernel closes its end of the pipe; the watchdog reads end-of-file, sends
 * SIGTERM to every store process it tracks and their descendants, and SIGKILL to whatever
 * still runs ten seconds later. The watchdog also polls the owner's pid each second, in
 * case the pipe is held open elsewhere. A clean stop tells the watchdog to forget the pid
 * first.
 */
public final class ProcessSupervisor implements AutoCloseable {

	private final Path runDir;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "local-stack-start");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable Process watchdog;

	private @Nullable OutputStream lifeline;

	public ProcessSupervisor(Path runDir) {
		this.runDir = runDir;
	}

	/**
	 * Threads for starting stores concurrently.
	 * @return the executor
	 */
	public ExecutorService executor() {
		return this.executor;
	}

	/**
	 * Starts a process with its output appended to the log file and registers it with the
	 * watchdog.
	 * @param name a name for messages
	 * @param builder the process to start
	 * @param logFile where standard output and error go
	 * @return the running process
	 */
	public ManagedProcess launch(String name, ProcessBuilder builder, Path logFile) {
		ensureWatchdog();
		builder.redirectErrorStream(true);
		builder.redirectOutput(Redirect.appendTo(logFile.toFile()));
		builder.redirectInput(Redirect.from(new File("/dev/null")));
		try {
			Process process = builder.start();
			send("watch " + process.pid());
			return new ManagedProcess(name, process, logFile, this);
		}
		catch (IOException ex) {
			throw new StoreStartException("Could not start " + name + ": " + String.join(" ", builder.command()), ex);
		}
	}

	/**
	 * The watchdog's pid, or -1 before the first launch.
	 * @return the pid
	 */
	public synchronized long watchdogPid() {
		return (this.watchdog != null) ? this.watchdog.pid() : -1;
	}

	void forget(long pid) {
		send("forget " + pid);
	}

	private synchronized void ensureWatchdog() {
		if (this.watchdog != null && this.watchdog.isAlive()) {
			return;
		}
		List<String> command = List.of(Jdks.INSTANCE.currentJava().toString(), "-Xmx24m", "-Xss512k",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", ownClasspath(), Watchdog.class.getName(),
				Long.toString(ProcessHandle.current().pid()));
		try {
			this.watchdog = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.runDir.resolve("watchdog.log").toFile()))
				.start();
			this.lifeline = this.watchdog.getOutputStream();
		}
		catch (IOException ex) {
			throw new StoreStartException("Could not start the local-stack watchdog", ex);
		}
	}

	private synchronized void send(String line) {
		if (this.lifeline == null) {
			return;
		}
		try {
			this.lifeline.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
			this.lifeline.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The local-stack watchdog is gone", ex);
		}
	}

	private static String ownClasspath() {
		try {
			return Path.of(Watchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Closes the lifeline; the watchdog stops whatever is still tracked and exits.
	 */
	@Override
	public synchronized void close() {
		this.executor.shutdownNow();
		if (this.lifeline != null) {
			try {
				this.lifeline.close();
			}
			catch (IOException ex) {
				// the watchdog sees end-of-file either way
			}
			this.lifeline = null;
		}
		if (this.watchdog != null) {
			try {
				this.watchdog.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.watchdog = null;
		}
	}

}

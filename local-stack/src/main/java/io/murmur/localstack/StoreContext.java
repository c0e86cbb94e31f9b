package io.murmur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.murmur.localstack.artifact.Artifacts;
import io.murmur.localstack.artifact.StoreVersions;
import io.murmur.localstack.process.FreePorts;
import io.murmur.localstack.process.Jdks;
import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.ProcessSupervisor;
import io.murmur.localstack.process.Unprivileged;

/**
 * Everything a store needs to start: its own directories, free ports, its artifacts and a
 * way to launch processes that never outlive their owner.
 */
public final class StoreContext {

	private final Store store;

	private final Path home;

	private final Path cacheDir;

	private final Artifacts artifacts;

	private final ProcessSupervisor supervisor;

	private final boolean fullJit;

	StoreContext(Store store, Path home, Path cacheDir, Artifacts artifacts, ProcessSupervisor supervisor,
			boolean fullJit) {
		this.store = store;
		this.home = home;
		this.cacheDir = cacheDir;
		this.artifacts = artifacts;
		this.supervisor = supervisor;
		this.fullJit = fullJit;
	}

	public Store store() {
		return this.store;
	}

	/**
	 * The store's own directory for this run; configuration files go here.
	 * @return an existing directory
	 */
	public Path home() {
		return this.home;
	}

	/**
	 * The store's data directory for this run. It is removed when the store stops
	 * cleanly.
	 * @return an existing directory
	 */
	public Path dataDir() {
		return createDirectories(this.home.resolve("data"));
	}

	/**
	 * The file that receives the store's standard output and error. Logs are kept after
	 * the store stops, for diagnosis.
	 * @return the log file path
	 */
	public Path logFile() {
		return this.home.resolve(this.store.id() + ".log");
	}

	/**
	 * A directory shared by all runs on this machine, for unpacked distributions and
	 * other things that are expensive to recreate. Readable by every user.
	 * @param name a sub-directory name that includes the version of what it holds
	 * @return an existing directory
	 */
	public Path cacheDir(String name) {
		return createDirectories(this.cacheDir.resolve(name));
	}

	public Artifacts artifacts() {
		return this.artifacts;
	}

	public String version(String key) {
		return StoreVersions.get(key);
	}

	public int freePort() {
		return FreePorts.next();
	}

	public Jdks jdks() {
		return Jdks.INSTANCE;
	}

	/**
	 * The JIT options of a store's JVM: the C1 compiler only, which starts a store with
	 * roughly a third less CPU on few cores, unless the stack runs its stores with the
	 * full JIT, as production does (see {@link LocalStack#LocalStack(Path, boolean)}).
	 * @return the options
	 */
	public List<String> jitOptions() {
		return this.fullJit ? List.of() : List.of("-XX:TieredStopAtLevel=1");
	}

	public Unprivileged unprivileged() {
		return Unprivileged.INSTANCE;
	}

	/**
	 * Launches a process whose output goes to {@link #logFile()} and which is stopped
	 * with its owner, even if the owner is killed.
	 * @param command the command line
	 * @param customizer adjusts the process builder (environment, working directory)
	 * @return the running process
	 */
	public ManagedProcess launch(List<String> command, ProcessBuilderCustomizer customizer) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.home.toFile());
		customizer.customize(builder);
		return this.supervisor.launch(this.store.id(), builder, logFile());
	}

	public ManagedProcess launch(List<String> command) {
		return launch(command, (builder) -> {
		});
	}

	private static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adjusts a {@link ProcessBuilder} before a store process starts.
	 */
	@FunctionalInterface
	public interface ProcessBuilderCustomizer {

		void customize(ProcessBuilder builder);

	}

}

package io.murmur.localstack.platform;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreServer;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.platform.PlatformState.Component;
import io.murmur.localstack.platform.PlatformState.Kind;
import io.murmur.localstack.platform.PlatformState.Phase;
import io.murmur.localstack.platform.PlatformState.ProcessRef;
import io.murmur.localstack.platform.PlatformState.Status;
import io.murmur.localstack.platform.seed.ClientCredentials;

/**
 * The long-running owner of the platform. It starts the stores concurrently through a
 * {@link LocalStack}, then the services, publishes what runs where in the state file, and
 * keeps checking health through real client calls. SIGTERM stops everything cleanly and
 * removes the state; if the daemon is killed instead, the stack's watchdog stops the
 * stores and services.
 */
final class PlatformDaemon {

	private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(170);

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

	/** The client id of the platform's own service client. */
	static final String OPERATOR_CLIENT = "platform";

	private final PlatformHome home;

	private final List<Store> stores;

	private final List<PlatformService> services;

	private final Duration refresh;

	private final Map<String, Component> components = new LinkedHashMap<>();

	private final Map<Store, StoreServer> runningStores = new LinkedHashMap<>();

	private final Map<String, RunningService> runningServices = new LinkedHashMap<>();

	private final ExecutorService workers = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "platform-worker");
		thread.setDaemon(true);
		return thread;
	});

	private final Object lock = new Object();

	private @Nullable PlatformState state;

	private @Nullable LocalStack stack;

	/**
	 * Held for the daemon's life; a field, so that it is never collected and released.
	 */
	private @Nullable FileLock daemonLock;

	private boolean stopping;

	/**
	 * The platform's own service client, for {@code ./platform seed} to import with;
	 * {@code null} when user-service does not run.
	 */
	private final @Nullable ClientCredentials operator;

	PlatformDaemon(PlatformHome home, List<Store> stores, List<PlatformService> services, Duration refresh) {
		this.home = home;
		this.stores = List.copyOf(stores);
		ServiceClients clients = new ServiceClients();
		this.operator = services.stream().anyMatch((service) -> service.module().equals(ServiceClients.ISSUER))
				? new ClientCredentials(OPERATOR_CLIENT, clients.secret(OPERATOR_CLIENT)) : null;
		this.services = ServiceClients.wire(services, clients);
		this.refresh = refresh;
	}

	/**
	 * Runs until SIGTERM, or until something fails to start.
	 * @return the exit code
	 */
	int run() {
		this.daemonLock = this.home.lockForDaemon();
		if (this.daemonLock == null) {
			log("Another platform daemon holds the lock in " + this.home.dir() + "; not starting a second one.");
			return 1;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "platform-shutdown"));
		this.home.rotateRunDir();
		if (this.operator != null) {
			this.operator.save(this.home.dir());
		}
		LocalStack stack = new LocalStack(this.home.runDir());
		ServiceLauncher launcher = new ServiceLauncher(stack, this.home.root(), SERVICE_READY_TIMEOUT);
		synchronized (this.lock) {
			this.stack = stack;
			for (Store store : this.stores) {
				Path log = stack.runDir().resolve(store.id()).resolve(store.id() + ".log");
				this.components.put(store.id(), Component.starting(store.id(), Kind.STORE, log.toString()));
			}
			for (PlatformService service : this.services) {
				this.components.put(service.module(),
						Component.starting(service.module(), Kind.SERVICE, launcher.logFile(service).toString()));
			}
			Instant now = Instant.now();
			this.state = new PlatformState(ProcessHandle.current().pid(), Phase.STARTING, now, now,
					this.refresh.toSeconds(), null, List.of(), List.of());
			publish(Phase.STARTING, null);
		}
		log("Platform daemon " + ProcessHandle.current().pid() + " starting " + names() + " in " + stack.runDir());
		try {
			startStores(stack);
			startServices(launcher);
		}
		catch (ComponentFailure failure) {
			log(failure.component + " failed: " + failure.getMessage());
			update(failure.component, (component) -> component.failed(failure.getMessage()));
			publish(Phase.FAILED, failure.component + " failed to start: " + firstLine(failure.getMessage()));
			shutdown(true);
			return 1;
		}
		publish(Phase.RUNNING, null);
		log("Platform ready: " + names());
		while (!isStopping()) {
			Processes.sleep(this.refresh);
			try {
				refreshHealth();
			}
			catch (RejectedExecutionException ex) {
				if (!isStopping()) {
					throw ex;
				}
			}
		}
		return 0;
	}

	private void startStores(LocalStack stack) {
		List<CompletableFuture<Void>> starts = new ArrayList<>();
		for (Store store : this.stores) {
			starts.add(CompletableFuture.runAsync(() -> {
				long started = System.nanoTime();
				try {
					StoreServer server = stack.start(store);
					synchronized (this.lock) {
						this.runningStores.put(store, server);
					}
					long readyMillis = millisSince(started);
					List<ProcessRef> tree = Processes.tree(server.pid());
					List<Integer> ports = ports(server.pid(), server.endpoint());
					update(store.id(), (component) -> component.ready(server.endpoint(), server.pid(), readyMillis)
						.checked(Status.HEALTHY, tree, ports));
					log(store.id() + " ready at " + server.endpoint() + " (pid " + server.pid() + ") in " + readyMillis
							+ " ms");
					publishIfStarting();
				}
				catch (RuntimeException ex) {
					throw new ComponentFailure(store.id(), ex);
				}
			}, this.workers));
		}
		awaitAll(starts);
	}

	private void startServices(ServiceLauncher launcher) {
		Semaphore permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
		List<CompletableFuture<Void>> starts = new ArrayList<>();
		for (PlatformService service : this.services) {
			starts.add(CompletableFuture.runAsync(() -> {
				long started = System.nanoTime();
				permits.acquireUninterruptibly();
				try {
					if (isStopping()) {
						return;
					}
					RunningService running = launcher.start(service);
					synchronized (this.lock) {
						this.runningServices.put(service.module(), running);
					}
					long readyMillis = millisSince(started);
					List<ProcessRef> tree = Processes.tree(running.pid());
					List<Integer> ports = ports(running.pid(), service.url());
					update(service.module(), (component) -> component.ready(service.url(), running.pid(), readyMillis)
						.checked(Status.HEALTHY, tree, ports));
					log(service.module() + " ready at " + service.url() + " (pid " + running.pid() + ") in "
							+ readyMillis + " ms");
					publishIfStarting();
				}
				catch (RuntimeException ex) {
					throw new ComponentFailure(service.module(), ex);
				}
				finally {
					permits.release();
				}
			}, this.workers));
		}
		awaitAll(starts);
	}

	private static void awaitAll(List<CompletableFuture<Void>> starts) {
		CompletableFuture<?> firstFailure = new CompletableFuture<>();
		starts.forEach((start) -> start.exceptionally((ex) -> {
			firstFailure.completeExceptionally(ex);
			return null;
		}));
		try {
			CompletableFuture.anyOf(CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)), firstFailure)
				.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof CompletionException nested && nested.getCause() != null) {
				cause = nested.getCause();
			}
			if (cause instanceof ComponentFailure failure) {
				throw failure;
			}
			throw new ComponentFailure("platform", cause);
		}
	}

	private void refreshHealth() {
		Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
		Map<String, Long> pids = new LinkedHashMap<>();
		synchronized (this.lock) {
			this.runningStores.forEach((store, server) -> {
				checks.put(store.id(), server::isHealthy);
				pids.put(store.id(), server.pid());
			});
			this.runningServices.forEach((name, service) -> {
				checks.put(name, service::isHealthy);
				pids.put(name, service.pid());
			});
		}
		Map<String, CompletableFuture<Boolean>> results = new LinkedHashMap<>();
		checks.forEach((name, check) -> results.put(name,
				CompletableFuture.supplyAsync(check::getAsBoolean, this.workers)
					.completeOnTimeout(false, CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
					.exceptionally((ex) -> false)));
		results.forEach((name, result) -> {
			long pid = pids.get(name);
			List<ProcessRef> tree = Processes.tree(pid);
			Status status = tree.isEmpty() ? Status.EXITED : (result.join() ? Status.HEALTHY : Status.UNHEALTHY);
			// Finding the ports reads every descriptor of every process of the tree (a
			// store holds thousands): done again only when the processes changed.
			Component before = component(name);
			List<Integer> ports = (before != null && before.processes().equals(tree)) ? before.ports()
					: ports(tree, endpointOf(name));
			update(name, (component) -> component.checked(status, tree, ports));
		});
		publishIfRunning();
	}

	private String endpointOf(String name) {
		synchronized (this.lock) {
			Component component = this.components.get(name);
			return (component != null && component.endpoint() != null) ? component.endpoint() : "";
		}
	}

	private @Nullable Component component(String name) {
		synchronized (this.lock) {
			return this.components.get(name);
		}
	}

	private static List<Integer> ports(long pid, String endpoint) {
		return ports(Processes.tree(pid), endpoint);
	}

	private static List<Integer> ports(List<ProcessRef> tree, String endpoint) {
		List<Long> pids = tree.stream().map(ProcessRef::pid).toList();
		Set<Integer> ports = new HashSet<>(Processes.listeningPorts(pids));
		Processes.portOf(endpoint).ifPresent(ports::add);
		return ports.stream().sorted().toList();
	}

	private void update(String name, UnaryOperator<Component> change) {
		synchronized (this.lock) {
			this.components.computeIfPresent(name, (key, component) -> change.apply(component));
		}
	}

	private void publishIfStarting() {
		synchronized (this.lock) {
			if (!this.stopping && this.state != null && this.state.phase() == Phase.STARTING) {
				publish(Phase.STARTING, null);
			}
		}
	}

	private void publishIfRunning() {
		synchronized (this.lock) {
			if (!this.stopping) {
				publish(Phase.RUNNING, null);
			}
		}
	}

	private void publish(Phase phase, @Nullable String message) {
		synchronized (this.lock) {
			PlatformState current = this.state;
			if (current == null || (this.stopping && phase != Phase.FAILED)) {
				return;
			}
			this.state = current.with(phase, message, helpers(), new ArrayList<>(this.components.values()));
			this.home.writeState(this.state);
		}
	}

	private List<ProcessRef> helpers() {
		Set<Long> owned = new HashSet<>();
		this.components.values()
			.forEach((component) -> component.processes().forEach((process) -> owned.add(process.pid())));
		return ProcessHandle.current()
			.children()
			.filter((child) -> !owned.contains(child.pid()))
			.map(Processes::ref)
			.toList();
	}

	private List<String> names() {
		synchronized (this.lock) {
			return List.copyOf(this.components.keySet());
		}
	}

	private boolean isStopping() {
		synchronized (this.lock) {
			return this.stopping;
		}
	}

	/**
	 * Stops everything cleanly and removes the state; {@link #run()} then returns.
	 */
	void stop() {
		shutdown(false);
	}

	/**
	 * Stops the services, then the stores and the watchdog. After a clean stop the state
	 * file is removed; after a failed start it stays, for {@code up} and {@code status}
	 * to report.
	 * @param failed whether the start failed
	 */
	private void shutdown(boolean failed) {
		List<RunningService> services;
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
			if (!failed) {
				publish(Phase.STOPPING, null);
			}
			this.stopping = true;
			services = new ArrayList<>(this.runningServices.values());
		}
		log("Stopping " + names());
		stopAll(services.reversed());
		LocalStack stack;
		synchronized (this.lock) {
			stack = this.stack;
		}
		if (stack != null) {
			stack.close();
		}
		this.workers.shutdownNow();
		synchronized (this.lock) {
			if (failed) {
				this.components.replaceAll((name, component) -> (component.status() == Status.FAILED) ? component
						: component.withStatus(Status.STOPPED));
				PlatformState current = this.state;
				publish(Phase.FAILED, (current != null) ? current.message() : null);
				this.home.deleteServiceClient();
			}
			else {
				this.home.deleteState();
			}
		}
		log("Stopped.");
	}

	private void stopAll(Collection<RunningService> services) {
		List<CompletableFuture<Void>> stops = services.stream()
			.map((service) -> CompletableFuture.runAsync(service::stop, this.workers))
			.toList();
		try {
			CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
			log("Some services did not stop cleanly: " + ex);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	private static void log(String message) {
		System.out.println(Instant.now() + " " + message);
		System.out.flush();
	}

	/**
	 * A component that could not start, and why.
	 */
	private static final class ComponentFailure extends RuntimeException {

		private final String component;

		ComponentFailure(String component, Throwable cause) {
			super(describe(cause), cause);
			this.component = component;
		}

		private static String describe(Throwable cause) {
			Throwable reason = cause;
			while (reason instanceof StoreStartException && reason.getCause() != null
					&& String.valueOf(reason.getMessage()).matches("Could not start \\d+ store\\(s\\)")) {
				reason = reason.getCause();
			}
			StringBuilder description = new StringBuilder(
					(reason.getMessage() != null) ? reason.getMessage() : reason.toString());
			for (Throwable nested = reason.getCause(); nested != null; nested = nested.getCause()) {
				description.append("\ncaused by: ").append(nested);
			}
			return description.toString();
		}

	}

}

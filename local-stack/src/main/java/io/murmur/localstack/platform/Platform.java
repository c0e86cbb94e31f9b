package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import io.murmur.localstack.Store;
import io.murmur.localstack.platform.seed.SeedCommand;
import io.murmur.localstack.platform.seed.SeedOptions;
import io.murmur.localstack.platform.seed.ServiceUrls;

/**
 * The command line behind {@code ./platform}: runs the whole platform on one machine,
 * owned by a detached daemon so that it outlives the terminal, and stops it without
 * leaving anything behind. Each command is a picocli subcommand, with its usage from its
 * annotations.
 */
@Command(name = "./platform", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Runs Murmur on this machine: the real stores as native processes and the",
				"services on top of them, owned by a background daemon." },
		subcommands = { Platform.Up.class, Platform.Status.class, Platform.Down.class, Platform.Logs.class,
				Platform.Seed.class, Platform.Daemon.class, CommandLine.HelpCommand.class },
		commandListHeading = "%nCommands:%n")
public final class Platform implements Callable<Integer> {

	/**
	 * Where the repository's clone finds the shared data sets: in a folder next to it.
	 */
	private static final Path DEFAULT_EDGES = Path.of("..", "shared", "data", "socfb-Reed98", "socfb-Reed98.edges");

	private static final String FILES = """
			Files: .platform/state.json (what runs where), .platform/daemon.log,
			       .platform/run/NAME/NAME.log (each component's log),
			       .platform/seed.properties (the seeded accounts' password),
			       .platform/service-client.properties (the run's client for seed)""";

	@Mixin
	HelpOption help = new HelpOption();

	@Option(names = "--home", hidden = true, scope = ScopeType.INHERIT)
	Path homeDir = Path.of(".platform");

	@Option(names = "--root", hidden = true, scope = ScopeType.INHERIT)
	Path root = Path.of("");

	@Spec
	@Nullable CommandSpec spec;

	private final PrintStream out;

	private Platform(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs a command, its output and its errors to the same stream.
	 * @param args the command line
	 * @param out where to print
	 * @return the exit code: 2 for a command line it cannot use
	 */
	static int run(String[] args, PrintStream out) {
		return run(args, out, out);
	}

	private static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine commandLine = new CommandLine(new Platform(out))
			.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
			.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
			.setParameterExceptionHandler((ex, arguments) -> {
				CommandLine line = ex.getCommandLine();
				line.getErr().println(ex.getMessage());
				UnmatchedArgumentException.printSuggestions(ex, line.getErr());
				return usage(line);
			})
			.setExecutionExceptionHandler((ex, line, parsed) -> {
				if (!(ex instanceof IllegalArgumentException)) {
					throw ex;
				}
				line.getErr().println(ex.getMessage());
				return usage(line);
			});
		commandLine.getCommandSpec().usageMessage().footer("%n" + footer());
		return commandLine.execute(args);
	}

	/**
	 * With no command, the usage.
	 */
	@Override
	public Integer call() {
		if (this.spec != null) {
			this.spec.commandLine().usage(this.out);
		}
		return CommandLine.ExitCode.OK;
	}

	private static int usage(CommandLine line) {
		line.getErr().println("Run " + line.getCommandSpec().qualifiedName() + " --help for usage.");
		return CommandLine.ExitCode.USAGE;
	}

	private PlatformHome home() {
		return new PlatformHome(this.homeDir, this.root);
	}

	private static String footer() {
		String stores = Arrays.stream(Store.values()).map(Store::id).collect(Collectors.joining(", "));
		String services = PlatformServices.ALL.stream()
			.map((service) -> service.module() + " (" + service.port() + ")")
			.collect(Collectors.joining(",%n          "));
		return "Stores:   " + stores + "%nServices: " + services + "%n%n" + FILES.replace("\n", "%n") + "%n";
	}

	private static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

	@Command(name = "up", sortOptions = false, header = "Start the platform and wait until it is healthy.",
			description = { "Starts everything, or only the given stores and services, waits until all is",
					"healthy and prints what runs where. Ctrl-C stops the waiting, not the platform." })
	static final class Up extends Subcommand {

		@Option(names = "--stores", paramLabel = "a,b",
				description = "Only these stores (and the services they suffice for); all or none.")
		@Nullable String stores;

		@Option(names = "--services", paramLabel = "a,b",
				description = "Only these services (and the stores they need); all or none.")
		@Nullable String services;

		@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
				description = "How long to wait for health (default ${DEFAULT-VALUE}).")
		long timeout;

		@Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "15",
				description = "How often the daemon checks health (default ${DEFAULT-VALUE}).")
		long refresh;

		@Override
		int run(PlatformHome home, PrintStream out) {
			return new UpCommand(home, out).run(Selection.of(this.stores, this.services, PlatformServices.ALL),
					Duration.ofSeconds(this.timeout), Duration.ofSeconds(this.refresh));
		}

	}

	@Command(name = "status", header = "Show what runs where and whether it is healthy.",
			description = "Exit code 0 when all is healthy, 1 when not, 3 when the platform is not running.")
	static final class Status extends Subcommand {

		@Override
		int run(PlatformHome home, PrintStream out) {
			return new StatusCommand(home, out).run();
		}

	}

	@Command(name = "down", header = "Stop everything and check that nothing is left running.")
	static final class Down extends Subcommand {

		@Override
		int run(PlatformHome home, PrintStream out) {
			return new DownCommand(home, out).run();
		}

	}

	@Command(name = "logs", header = "Print, or follow, the log of a store, a service or the daemon.",
			description = "Logs stay after down, until the next up but one.")
	static final class Logs extends Subcommand {

		@Parameters(paramLabel = "NAME", description = "A store, a service or daemon.")
		String name = "";

		@Option(names = { "-f", "--follow" }, description = "Keep printing what is added.")
		boolean follow;

		@Override
		int run(PlatformHome home, PrintStream out) {
			return new LogsCommand(home, out).run(this.name, this.follow);
		}

	}

	@Command(name = "seed", sortOptions = false, header = "Load a social graph into the running platform.",
			description = { "One account per person (handle PREFIX + node id), both follows of every",
					"friendship, then N posts each. Every account gets one password, generated on",
					"the first seed and kept in .platform/seed.properties. Runs again without",
					"duplicating anything." })
	static final class Seed extends Subcommand {

		@Option(names = "--edges", paramLabel = "PATH",
				description = { "The edge list, one 'u v' pair of node ids a line;", "by default socfb-Reed98.edges in",
						"../shared/data/socfb-Reed98/ beside the repository." })
		@Nullable Path edges;

		@Option(names = "--posts-per-user", paramLabel = "N", defaultValue = "" + SeedOptions.DEFAULT_POSTS_PER_USER,
				description = "Posts each person should have, 0 to 100 (default ${DEFAULT-VALUE}).")
		int postsPerUser;

		@Option(names = "--password", paramLabel = "P",
				description = "Every account's password, instead of the kept one.")
		@Nullable String password;

		@Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + SeedOptions.DEFAULT_CONCURRENCY,
				description = "Sign-ins and posts at a time (default ${DEFAULT-VALUE}).")
		int concurrency;

		@Option(names = "--prefix", paramLabel = "P", defaultValue = SeedOptions.DEFAULT_HANDLE_PREFIX,
				description = "What every handle starts with (default ${DEFAULT-VALUE}).")
		String prefix = SeedOptions.DEFAULT_HANDLE_PREFIX;

		@Override
		int run(PlatformHome home, PrintStream out) {
			Path edges = (this.edges != null) ? this.edges : home.root().resolve(DEFAULT_EDGES).normalize();
			SeedOptions options = new SeedOptions(edges, this.postsPerUser, this.password, this.concurrency,
					this.prefix);
			ServiceUrls urls = new ServiceUrls(url(PlatformServices.USER_SERVICE_PORT),
					url(PlatformServices.GRAPH_SERVICE_PORT), url(PlatformServices.POST_SERVICE_PORT),
					url(PlatformServices.GATEWAY_PORT));
			return new SeedCommand(home.dir(), urls, out).run(options);
		}

	}

	/**
	 * The daemon itself, started by {@code up} in a process of its own.
	 */
	@Command(name = "daemon", hidden = true)
	static final class Daemon extends Subcommand {

		@Option(names = "--stores")
		@Nullable String stores;

		@Option(names = "--services")
		@Nullable String services;

		@Option(names = "--refresh", defaultValue = "15")
		long refresh;

		@Override
		int run(PlatformHome home, PrintStream out) {
			Selection selection = Selection.of(this.stores, this.services, PlatformServices.ALL);
			return new PlatformDaemon(home, selection.stores(), selection.services(), Duration.ofSeconds(this.refresh))
				.run();
		}

	}

	/**
	 * {@code -h} and {@code --help} on every command.
	 */
	static final class HelpOption {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
		boolean requested;

	}

	/**
	 * A command below {@code ./platform}, with its options and {@code --help}, run with
	 * the platform's directory and output.
	 */
	abstract static class Subcommand implements Callable<Integer> {

		@ParentCommand
		@Nullable Platform platform;

		@Mixin
		HelpOption help = new HelpOption();

		@Override
		public final Integer call() {
			if (this.platform == null) {
				throw new IllegalStateException("A command runs below ./platform");
			}
			return run(this.platform.home(), this.platform.out);
		}

		abstract int run(PlatformHome home, PrintStream out);

	}

}

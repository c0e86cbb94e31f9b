package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.Store;
import io.murmur.localstack.platform.seed.SeedCommand;
import io.murmur.localstack.platform.seed.SeedOptions;
import io.murmur.localstack.platform.seed.ServiceUrls;

/**
 * The command line behind {@code ./platform}: runs the whole platform on one machine,
 * owned by a detached daemon so that it outlives the terminal, and stops it without
 * leaving anything behind.
 */
public final class Platform {

	private static final Set<String> FLAGS = Set.of("-f", "--follow");

	private static final Map<String, Set<String>> OPTIONS = Map.of("up",
			Set.of("--stores", "--services", "--timeout", "--refresh"), "daemon",
			Set.of("--stores", "--services", "--refresh"), "seed",
			Set.of("--edges", "--posts-per-user", "--password", "--concurrency", "--prefix"));

	/**
	 * Where the repository's clone finds the shared data sets: in a folder next to it.
	 */
	private static final Path DEFAULT_EDGES = Path.of("..", "shared", "data", "socfb-Reed98", "socfb-Reed98.edges");

	private static final int USAGE = 2;

	private Platform() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	/**
	 * Runs a command.
	 * @param args the command line
	 * @param out where to print
	 * @return the exit code
	 */
	static int run(String[] args, PrintStream out) {
		CommandLine line;
		try {
			line = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println("Run ./platform help for usage.");
			return USAGE;
		}
		PlatformHome home = new PlatformHome(line.path("--home", Path.of(".platform")),
				line.path("--root", Path.of("")));
		try {
			return switch (line.command()) {
				case "up" -> new UpCommand(home, out).run(
						Selection.of(line.option("--stores"), line.option("--services"), PlatformServices.ALL),
						line.seconds("--timeout", 180), line.seconds("--refresh", 5));
				case "status" -> new StatusCommand(home, out).run();
				case "down" -> new DownCommand(home, out).run();
				case "logs" -> new LogsCommand(home, out).run(line.argument("NAME"), line.flag("-f", "--follow"));
				case "seed" -> new SeedCommand(home.dir(), serviceUrls(), out)
					.run(new SeedOptions(line.path("--edges", home.root().resolve(DEFAULT_EDGES).normalize()),
							line.number("--posts-per-user", SeedOptions.DEFAULT_POSTS_PER_USER),
							line.option("--password"), line.number("--concurrency", SeedOptions.DEFAULT_CONCURRENCY),
							Objects.requireNonNullElse(line.option("--prefix"), SeedOptions.DEFAULT_HANDLE_PREFIX)));
				case "daemon" -> {
					Selection selection = Selection.of(line.option("--stores"), line.option("--services"),
							PlatformServices.ALL);
					yield new PlatformDaemon(home, selection.stores(), selection.services(),
							line.seconds("--refresh", 5))
						.run();
				}
				case "help", "--help", "-h" -> {
					out.print(help());
					yield 0;
				}
				default -> {
					out.println("Unknown command '" + line.command() + "'.");
					out.print(help());
					yield USAGE;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return USAGE;
		}
	}

	private static ServiceUrls serviceUrls() {
		return new ServiceUrls(url(PlatformServices.USER_SERVICE_PORT), url(PlatformServices.GRAPH_SERVICE_PORT),
				url(PlatformServices.POST_SERVICE_PORT), url(PlatformServices.GATEWAY_PORT));
	}

	private static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

	static String help() {
		String stores = Arrays.stream(Store.values()).map(Store::id).collect(Collectors.joining(", "));
		String services = PlatformServices.ALL.isEmpty() ? "none yet"
				: PlatformServices.ALL.stream()
					.map((service) -> service.module() + " (" + service.port() + ")")
					.collect(Collectors.joining(", "));
		return """
				Usage: ./platform COMMAND [OPTIONS]

				Runs Murmur on this machine: the real stores as native processes and the
				services on top of them, owned by a background daemon.

				Commands:
				  up [--stores a,b] [--services a,b] [--timeout SECONDS] [--refresh SECONDS]
				                  start everything, or only the given stores and services,
				                  and wait until all is healthy (default timeout 180 s);
				                  prints what runs where. The daemon checks health every
				                  --refresh seconds (default 5). Ctrl-C stops the waiting,
				                  not the platform.
				  status          what runs where and whether it is healthy
				                  (exit code 0 all healthy, 1 not healthy, 3 not running)
				  down            stop everything and check that nothing is left running
				  logs NAME [-f]  print, or follow, the log of a store, a service or 'daemon'
				  seed [--edges PATH] [--posts-per-user N] [--password P] [--concurrency N]
				       [--prefix P]
				                  load a social graph into the running platform: one account
				                  per person (handle P + node id, default prefix reed_), both
				                  follows of every friendship, then N posts each (default 3).
				                  Default graph: ../shared/data/socfb-Reed98/socfb-Reed98.edges
				                  next to the repository. Every account gets one password,
				                  generated on the first seed and kept in .platform/seed.properties
				                  (--password to choose it). Runs again without duplicating
				                  anything; --concurrency requests at a time (default 16).
				  help            show this help

				Stores:   %s
				Services: %s

				Files: .platform/state.json (what runs where), .platform/daemon.log,
				       .platform/run/NAME/NAME.log (each component's log),
				       .platform/seed.properties (the seeded accounts' password)
				""".formatted(stores, services);
	}

	/**
	 * A parsed command line: the command, its options and its arguments.
	 */
	private record CommandLine(String command, Map<String, String> options, List<String> arguments, Set<String> flags) {

		static CommandLine parse(String[] args) {
			if (args.length == 0) {
				return new CommandLine("help", Map.of(), List.of(), Set.of());
			}
			String command = args[0];
			Set<String> allowed = OPTIONS.getOrDefault(command, Set.of());
			Map<String, String> options = new HashMap<>();
			List<String> arguments = new ArrayList<>();
			Set<String> flags = new HashSet<>();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				if (FLAGS.contains(arg)) {
					flags.add(arg);
				}
				else if (name.equals("--home") || name.equals("--root") || allowed.contains(name)) {
					if (arg.contains("=")) {
						options.put(name, arg.substring(arg.indexOf('=') + 1));
					}
					else if (i + 1 < args.length) {
						options.put(name, args[++i]);
					}
					else {
						throw new IllegalArgumentException("Option " + name + " needs a value.");
					}
				}
				else if (arg.startsWith("-")) {
					throw new IllegalArgumentException("Unknown option '" + arg + "' for " + command + ".");
				}
				else {
					arguments.add(arg);
				}
			}
			return new CommandLine(command, options, arguments, flags);
		}

		@Nullable String option(String name) {
			return this.options.get(name);
		}

		Path path(String name, Path fallback) {
			String value = this.options.get(name);
			return (value != null) ? Path.of(value) : fallback;
		}

		int number(String name, int fallback) {
			String value = this.options.get(name);
			try {
				return (value != null) ? Integer.parseInt(value) : fallback;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Option " + name + " takes a whole number, not '" + value + "'.");
			}
		}

		Duration seconds(String name, long fallback) {
			String value = this.options.get(name);
			try {
				return Duration.ofSeconds((value != null) ? Long.parseLong(value) : fallback);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"Option " + name + " takes a number of seconds, not '" + value + "'.");
			}
		}

		String argument(String what) {
			if (this.arguments.size() != 1) {
				throw new IllegalArgumentException(this.command + " needs exactly one " + what + ".");
			}
			return this.arguments.get(0);
		}

		boolean flag(String... names) {
			return Arrays.stream(names).anyMatch(this.flags::contains);
		}

	}

}

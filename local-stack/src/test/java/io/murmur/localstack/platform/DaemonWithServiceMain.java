package io.murmur.localstack.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.murmur.localstack.Store;

/**
 * Runs a platform daemon in its own JVM with Redis and one service registered, as
 * {@code ./platform up} would once a service is registered in {@link PlatformServices}.
 * Arguments: home, root, service module, service port.
 */
public final class DaemonWithServiceMain {

	private DaemonWithServiceMain() {
	}

	public static void main(String[] args) {
		PlatformHome home = new PlatformHome(Path.of(args[0]), Path.of(args[1]));
		PlatformService service = PlatformService.of(args[2], Integer.parseInt(args[3]), Store.REDIS);
		System.exit(new PlatformDaemon(home, List.of(Store.REDIS), List.of(service), Duration.ofSeconds(1)).run());
	}

}

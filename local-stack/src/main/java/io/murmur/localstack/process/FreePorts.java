package io.murmur.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free loopback ports, never the same one twice in this JVM.
 */
public final class FreePorts {

	private static final Set<Integer> handedOut = new HashSet<>();

	private FreePorts() {
	}

	/**
	 * A port that was free on 127.0.0.1 a moment ago.
	 * @return the port
	 */
	public static synchronized int next() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
				int port = socket.getLocalPort();
				if (handedOut.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No free port on 127.0.0.1", ex);
			}
		}
		throw new IllegalStateException("No free port on 127.0.0.1 after 50 attempts");
	}

	/**
	 * Whether {@link #next()} handed out this port in this JVM.
	 * @param port the port
	 * @return {@code true} if it did
	 */
	public static synchronized boolean handedOut(int port) {
		return handedOut.contains(port);
	}

}

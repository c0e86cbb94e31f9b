package io.murmur.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * HTTP servers of the tests' stand-ins, on a free loopback port, a virtual thread per
 * request.
 */
public final class LoopbackServers {

	private LoopbackServers() {
	}

	/**
	 * Starts a server that hands every request to one handler.
	 * @param handler the handler
	 * @return the started server
	 */
	public static HttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", handler);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

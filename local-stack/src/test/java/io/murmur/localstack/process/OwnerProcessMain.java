package io.murmur.localstack.process;

import java.nio.file.Path;
import java.util.Arrays;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;

/**
 * A stand-in for a test JVM: starts the stores named on the command line, prints their
 * pids, then waits to be killed.
 */
public final class OwnerProcessMain {

	private OwnerProcessMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		LocalStack stack = new LocalStack(Path.of(args[0]));
		var servers = stack.startAll(Arrays.stream(args).skip(1).map(Store::fromId).toList());
		servers.forEach((store, server) -> System.out.println("STORE " + store.id() + " " + server.pid()));
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}

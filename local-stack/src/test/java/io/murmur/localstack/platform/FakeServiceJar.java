package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds an executable jar of {@link FakeServiceMain} where a module's build would leave
 * its Spring Boot jar.
 */
final class FakeServiceJar {

	private FakeServiceJar() {
	}

	static Path create(Path root, String module) throws IOException {
		Path target = Files.createDirectories(root.resolve(module).resolve("target"));
		Path jar = target.resolve(module + "-0.1.0-SNAPSHOT.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceMain.class.getName());
		String entry = FakeServiceMain.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream in = FakeServiceMain.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

}

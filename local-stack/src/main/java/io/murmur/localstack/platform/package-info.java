/**
 * Runs the whole platform on one machine for developers: the stores of
 * {@link io.murmur.localstack.LocalStack} and the services that use them, owned by a
 * detached daemon and driven by the {@code ./platform} script through
 * {@link io.murmur.localstack.platform.Platform}.
 */
@NullMarked
package io.murmur.localstack.platform;

import org.jspecify.annotations.NullMarked;

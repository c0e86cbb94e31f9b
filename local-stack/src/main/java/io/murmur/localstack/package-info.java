/**
 * Runs Murmur's real backing stores as native processes:
 * {@link io.murmur.localstack.LocalStack}.
 */
@NullMarked
package io.murmur.localstack;

import org.jspecify.annotations.NullMarked;

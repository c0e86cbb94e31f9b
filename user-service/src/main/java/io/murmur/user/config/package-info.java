/**
 * Configuration: the service's properties, its public endpoints, database failures, the
 * API document and scheduling.
 */
@NullMarked
package io.murmur.user.config;

import org.jspecify.annotations.NullMarked;

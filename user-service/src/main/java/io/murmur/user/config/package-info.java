/**
 * Configuration: the service's properties, web security, JSON and scheduling.
 */
@NullMarked
package io.murmur.user.config;

import org.jspecify.annotations.NullMarked;

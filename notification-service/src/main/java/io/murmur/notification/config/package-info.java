/**
 * Configuration: the service's properties, database failures, the API document and
 * scheduling.
 */
@NullMarked
package io.murmur.notification.config;

import org.jspecify.annotations.NullMarked;

/**
 * Configuration: the service's properties, database failures and scheduling.
 */
@NullMarked
package io.murmur.notification.config;

import org.jspecify.annotations.NullMarked;

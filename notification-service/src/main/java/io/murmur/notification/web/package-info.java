/**
 * What the HTTP API of the features shares: the service's problem types and id parsing.
 */
@NullMarked
package io.murmur.notification.web;

import org.jspecify.annotations.NullMarked;

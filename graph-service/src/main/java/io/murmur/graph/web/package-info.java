/**
 * HTTP concerns shared by every endpoint: RFC 9457 problem responses and the ids and
 * limits of paths and parameters.
 */
@NullMarked
package io.murmur.graph.web;

import org.jspecify.annotations.NullMarked;

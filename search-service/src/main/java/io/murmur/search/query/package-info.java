/**
 * The post query language: its parser and what it parses to.
 */
@NullMarked
package io.murmur.search.query;

import org.jspecify.annotations.NullMarked;

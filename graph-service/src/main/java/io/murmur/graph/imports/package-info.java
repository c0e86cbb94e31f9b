/**
 * The bulk import of follows: the operator's path for loading a graph before its users
 * read it, open to service tokens only.
 */
@NullMarked
package io.murmur.graph.imports;

import org.jspecify.annotations.NullMarked;

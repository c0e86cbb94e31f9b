@NullMarked
package io.murmur.localstack.neo4j;

import org.jspecify.annotations.NullMarked;

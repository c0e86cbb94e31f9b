@NullMarked
package io.murmur.localstack.artifact;

import org.jspecify.annotations.NullMarked;

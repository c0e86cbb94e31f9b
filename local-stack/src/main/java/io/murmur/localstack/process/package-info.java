@NullMarked
package io.murmur.localstack.process;

import org.jspecify.annotations.NullMarked;

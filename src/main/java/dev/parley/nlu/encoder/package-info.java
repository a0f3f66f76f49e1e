/** The in-process ONNX sentence encoder, the softmax regression on its embeddings and their caches. */
package dev.parley.nlu.encoder;

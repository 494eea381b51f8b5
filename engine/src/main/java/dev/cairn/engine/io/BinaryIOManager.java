package dev.cairn.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.cairn.api.Configured;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;

/**
 * Stores each asset's value with Java serialization in {@code <base>/<key>.bin}, for values that
 * JSON cannot represent (a trained model, a graph of objects) and are {@link java.io.Serializable}.
 * Files are laid out and replaced atomically as {@link StoredFiles} says, with {@code path},
 * {@code size_bytes} and a content hash.
 *
 * <p>Reading resolves classes through the class loaders of the type the downstream asks for
 * (including its type arguments: the user's classes of {@code List<Model>}), then the thread's
 * context loader. Java serialization runs constructors of the stored classes: read only files that
 * your own assets wrote.
 */
public final class BinaryIOManager implements IOManager, Configured {

    /**
     * The configuration shown in the app.
     *
     * @param baseDir the folder values are stored under
     * @param format the files' format
     */
    public record Settings(Path baseDir, String format) { }

    private final StoredFiles files;

    /** Stores files under {@code baseDir}, which is created when the first value is written. */
    public BinaryIOManager(Path baseDir) {
        this.files = new StoredFiles(baseDir, "bin");
    }

    /** The file that holds an asset's (or a partition's) value. */
    public Path pathOf(String assetKey, Optional<String> partitionKey) {
        return files.pathOf(assetKey, partitionKey);
    }

    @Override
    public Record configuration() {
        return new Settings(files.baseDir(), "Java serialization");
    }

    @Override
    public void handleOutput(OutputContext context, Object value) throws Exception {
        try {
            files.write(context, out -> {
                ObjectOutputStream objects = new ObjectOutputStream(out);
                objects.writeObject(value);
                objects.flush();
            });
        } catch (NotSerializableException e) {
            throw new NotSerializableException("asset '" + context.assetKey() + "' returned a value that Java cannot "
                    + "serialize: " + e.getMessage() + " does not implement java.io.Serializable");
        }
    }

    @Override
    public Object loadInput(InputContext context) throws IOException, ClassNotFoundException {
        Path path = pathOf(context.assetKey(), context.partitionKey());
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        collectLoaders(context.expectedType(), loaders);
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        if (contextLoader != null) {
            loaders.add(contextLoader);
        }
        try (ObjectInputStream in = new LoaderObjectInputStream(new BufferedInputStream(Files.newInputStream(path)), loaders)) {
            return in.readObject();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, StoredFiles.neverStored(context.assetKey(), context.downstreamKey()));
        } catch (InvalidClassException e) {
            throw new IOException("the stored value of asset '" + context.assetKey() + "' in " + path + " was written by "
                    + "another version of its classes (" + e.getMessage() + "): materialize '" + context.assetKey()
                    + "' again", e);
        }
    }

    private static void collectLoaders(Type type, Set<ClassLoader> loaders) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getClassLoader() != null) {
                loaders.add(element.getClassLoader());
            }
        } else if (type instanceof ParameterizedType p) {
            collectLoaders(p.getRawType(), loaders);
            for (Type argument : p.getActualTypeArguments()) {
                collectLoaders(argument, loaders);
            }
        } else if (type instanceof GenericArrayType a) {
            collectLoaders(a.getGenericComponentType(), loaders);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collectLoaders(bound, loaders);
            }
        }
    }

    /** Resolves classes through the given loaders first, then as Java serialization does by default. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final Set<ClassLoader> loaders;

        LoaderObjectInputStream(InputStream in, Set<ClassLoader> loaders) throws IOException {
            super(in);
            this.loaders = loaders;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            for (ClassLoader loader : loaders) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // Try the next loader.
                }
            }
            return super.resolveClass(desc);
        }
    }
}

package dev.cairn.engine.definitions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * The compute function of an asset: a user method, called reflectively. Instance methods get a
 * fresh instance per call, so user classes need not be thread-safe.
 */
public final class AssetFunction {

    private final Method method;

    AssetFunction(Method method) {
        this.method = method;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** The declared generic type of parameter {@code index}. */
    public Type parameterType(int index) {
        return method.getGenericParameterTypes()[index];
    }

    /** The declared generic return type. */
    public Type returnType() {
        return method.getGenericReturnType();
    }

    /**
     * Calls the user method.
     *
     * @throws Throwable exactly what the user method threw (unwrapped), or what its class's
     *         constructor or static initializer threw
     */
    public Object invoke(Object[] args) throws Throwable {
        Object target = null;
        try {
            if (!Modifier.isStatic(method.getModifiers())) {
                target = method.getDeclaringClass().getConstructor().newInstance();
            }
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }
}

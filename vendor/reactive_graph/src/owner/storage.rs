use super::arena::{Arena, NodeId};
use send_wrapper::SendWrapper;
use std::any::TypeId;

/// A trait for borrowing and taking data.
pub trait StorageAccess<T> {
    /// Borrows the value.
    fn as_borrowed(&self) -> &T;

    /// Takes the value.
    fn into_taken(self) -> T;
}

impl<T> StorageAccess<T> for T {
    fn as_borrowed(&self) -> &T {
        self
    }

    fn into_taken(self) -> T {
        self
    }
}

impl<T> StorageAccess<T> for SendWrapper<T> {
    fn as_borrowed(&self) -> &T {
        self
    }

    fn into_taken(self) -> T {
        self.take()
    }
}

/// A way of storing an [`ArenaItem`](super::arena_item::ArenaItem), either as itself or with a wrapper to make it threadsafe.
///
/// This exists because all items stored in the arena must be `Send + Sync`, but in single-threaded
/// environments you might want or need to use thread-unsafe types.
pub trait Storage<T>: Send + Sync + 'static {
    /// The type being stored, once it has been wrapped.
    type Wrapped: StorageAccess<T> + Send + Sync + 'static;

    /// Adds any needed wrapper to the type.
    fn wrap(value: T) -> Self::Wrapped;

    /// Applies the given function to the stored value, if it exists and can be accessed from this
    /// thread.
    fn try_with<U>(node: NodeId, fun: impl FnOnce(&T) -> U) -> Option<U>;

    /// Applies the given function to a mutable reference to the stored value, if it exists and can be accessed from this
    /// thread.
    fn try_with_mut<U>(
        node: NodeId,
        fun: impl FnOnce(&mut T) -> U,
    ) -> Option<U>;

    /// As [`Storage::try_with`], without checking that the stored value is
    /// a `T` (patched for support-widget, vendor/README.md).
    ///
    /// # Safety
    ///
    /// `node` must be the node of an `ArenaItem<T, Self>`: made by its
    /// `new_with_storage` for a `T` wrapped by this storage, and written
    /// since only with a `T`. A removed node is never found again, even if
    /// its slot is reused (the slot map's keys carry a version).
    unsafe fn try_with_unchecked<U>(
        node: NodeId,
        fun: impl FnOnce(&T) -> U,
    ) -> Option<U>;

    /// Sets a new value for the stored value. If it has been disposed, returns `Some(T)`.
    fn try_set(node: NodeId, value: T) -> Option<T>;

    /// Takes an item from the arena if it exists and can be accessed from this thread.
    /// If it cannot be casted, it will still be removed from the arena.
    fn take(node: NodeId) -> Option<T>;
}

/// A form of [`Storage`] that stores the type as itself, with no wrapper.
#[derive(Debug, Copy, Clone)]
pub struct SyncStorage;

impl<T> Storage<T> for SyncStorage
where
    T: Send + Sync + 'static,
{
    type Wrapped = T;

    #[inline(always)]
    fn wrap(value: T) -> Self::Wrapped {
        value
    }

    fn try_with<U>(node: NodeId, fun: impl FnOnce(&T) -> U) -> Option<U> {
        Arena::try_with(|arena| {
            let value = Arena::typed(arena, node, TypeId::of::<T>())?;
            // SAFETY: `typed` found a `T` there, and the arena stays read
            // (and the value in it) while `fun` runs.
            Some(fun(unsafe { &*(value as *const T) }))
        })
        .flatten()
    }

    fn try_with_mut<U>(
        node: NodeId,
        fun: impl FnOnce(&mut T) -> U,
    ) -> Option<U> {
        Arena::try_with_mut(|arena| {
            let value = Arena::typed_mut(arena, node, TypeId::of::<T>())?;
            // SAFETY: as in `try_with`, written.
            Some(fun(unsafe { &mut *(value as *mut T) }))
        })
        .flatten()
    }

    unsafe fn try_with_unchecked<U>(
        node: NodeId,
        fun: impl FnOnce(&T) -> U,
    ) -> Option<U> {
        // Sandboxed arenas could find another arena's node under the same
        // key: they keep the check.
        #[cfg(feature = "sandboxed-arenas")]
        return Self::try_with(node, fun);
        #[cfg(not(feature = "sandboxed-arenas"))]
        Arena::try_with(|arena| {
            let value = Arena::untyped(arena, node)?;
            // SAFETY: the value is a `T` (the caller's contract).
            Some(fun(unsafe { &*(value as *const T) }))
        })
        .flatten()
    }

    fn try_set(node: NodeId, value: T) -> Option<T> {
        Arena::try_with_mut(|arena| {
            let m = arena.get_mut(node);
            match m.and_then(|n| n.downcast_mut::<T>()) {
                Some(inner) => {
                    *inner = value;
                    None
                }
                None => Some(value),
            }
        })
        .flatten()
    }

    fn take(node: NodeId) -> Option<T> {
        Arena::with_mut(|arena| {
            let m = arena.remove(node)?;
            match m.downcast::<T>() {
                Ok(inner) => Some(*inner),
                Err(_) => None,
            }
        })
    }
}

/// A form of [`Storage`] that stores the type with a wrapper that makes it `Send + Sync`, but only
/// allows it to be accessed from the thread on which it was created.
#[derive(Debug, Copy, Clone)]
pub struct LocalStorage;

impl<T> Storage<T> for LocalStorage
where
    T: 'static,
{
    type Wrapped = SendWrapper<T>;

    fn wrap(value: T) -> Self::Wrapped {
        SendWrapper::new(value)
    }

    fn try_with<U>(node: NodeId, fun: impl FnOnce(&T) -> U) -> Option<U> {
        Arena::with(|arena| {
            let value =
                Arena::typed(arena, node, TypeId::of::<SendWrapper<T>>())?;
            // SAFETY: as in `SyncStorage::try_with`.
            Some(fun(unsafe { &*(value as *const SendWrapper<T>) }))
        })
    }

    fn try_with_mut<U>(
        node: NodeId,
        fun: impl FnOnce(&mut T) -> U,
    ) -> Option<U> {
        Arena::with_mut(|arena| {
            let value =
                Arena::typed_mut(arena, node, TypeId::of::<SendWrapper<T>>())?;
            // SAFETY: as in `SyncStorage::try_with`, written.
            Some(fun(unsafe { &mut **(value as *mut SendWrapper<T>) }))
        })
    }

    unsafe fn try_with_unchecked<U>(
        node: NodeId,
        fun: impl FnOnce(&T) -> U,
    ) -> Option<U> {
        #[cfg(feature = "sandboxed-arenas")]
        return Self::try_with(node, fun);
        #[cfg(not(feature = "sandboxed-arenas"))]
        Arena::with(|arena| {
            let value = Arena::untyped(arena, node)?;
            // SAFETY: the value is a `SendWrapper<T>` (the caller's
            // contract); its deref still checks the thread.
            Some(fun(unsafe { &**(value as *const SendWrapper<T>) }))
        })
    }

    fn try_set(node: NodeId, value: T) -> Option<T> {
        Arena::with_mut(|arena| {
            let m = arena.get_mut(node);
            match m.and_then(|n| n.downcast_mut::<SendWrapper<T>>()) {
                Some(inner) => {
                    *inner = SendWrapper::new(value);
                    None
                }
                None => Some(value),
            }
        })
    }

    fn take(node: NodeId) -> Option<T> {
        Arena::with_mut(|arena| {
            let m = arena.remove(node)?;
            match m.downcast::<SendWrapper<T>>() {
                Ok(inner) => Some(inner.take()),
                Err(_) => None,
            }
        })
    }
}

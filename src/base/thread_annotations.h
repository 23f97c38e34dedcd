// Clang's thread-safety attributes (https://clang.llvm.org/docs/ThreadSafetyAnalysis.html),
// compiled as nothing on other compilers (g++ builds the product; one clang build with
// -Wthread-safety checks the annotations). Use them with base/mutex.h's Mutex and MutexLock:
//
//   Mutex mu_;
//   int count_ GUARDED_BY(mu_) = 0;
//   void Bump() EXCLUDES(mu_) { MutexLock lock(&mu_); ++count_; }
#ifndef QANTARA_BASE_THREAD_ANNOTATIONS_H_
#define QANTARA_BASE_THREAD_ANNOTATIONS_H_

#if defined(__clang__)
#define QANTARA_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define QANTARA_THREAD_ANNOTATION(x)
#endif

#define CAPABILITY(x) QANTARA_THREAD_ANNOTATION(capability(x))
#define SCOPED_CAPABILITY QANTARA_THREAD_ANNOTATION(scoped_lockable)
#define GUARDED_BY(x) QANTARA_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) QANTARA_THREAD_ANNOTATION(pt_guarded_by(x))
#define ACQUIRED_BEFORE(...) QANTARA_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) QANTARA_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
#define REQUIRES(...) QANTARA_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define ACQUIRE(...) QANTARA_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) QANTARA_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) QANTARA_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
#define EXCLUDES(...) QANTARA_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) QANTARA_THREAD_ANNOTATION(assert_capability(x))
#define RETURN_CAPABILITY(x) QANTARA_THREAD_ANNOTATION(lock_returned(x))
#define NO_THREAD_SAFETY_ANALYSIS QANTARA_THREAD_ANNOTATION(no_thread_safety_analysis)

#endif  // QANTARA_BASE_THREAD_ANNOTATIONS_H_

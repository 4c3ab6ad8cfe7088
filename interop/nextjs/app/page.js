export default function Home() {
  return <main>Better Auth runs at /api/auth in this Next.js app.</main>;
}

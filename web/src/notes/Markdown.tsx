import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

/** Markdown from people, rendered safely: no raw HTML, sanitised links and attributes. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        rehypePlugins={[rehypeSanitize]}
        components={{
          // Headings of a note sit under the page's own h1 and the note's sections.
          h1: ({ children }) => <h3>{children}</h3>,
          h2: ({ children }) => <h3>{children}</h3>,
          a: ({ href, children }) => <a href={href} rel="noopener noreferrer nofollow">{children}</a>,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

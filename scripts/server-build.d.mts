export declare const serverBundle: string;
export declare function buildServer(): Promise<void>;
export declare function buildServerIfStale(options: { reason: string }): Promise<void>;
